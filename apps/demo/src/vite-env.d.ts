/// <reference types="vite/client" />

// Build-time settings (see ../.env); never read at run time from the page's address.
interface ImportMetaEnv {
  readonly VITE_SANDBOX?: string;
  readonly VITE_API_BASE_URL?: string;
  readonly VITE_REDIRECT_URL?: string;
  readonly VITE_ALLOWED_REDIRECT_ORIGINS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
