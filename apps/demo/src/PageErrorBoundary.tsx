import { Component, type ReactNode } from 'react';

export interface PageErrorBoundaryProps {
  children: ReactNode;
  /** Shown instead of `children` once rendering them threw. */
  fallback: ReactNode;
}

interface PageErrorBoundaryState {
  failed: boolean;
}

/** Whatever a page throws while rendering, the person sees `fallback`, never a blank page. React still reports the error. */
export class PageErrorBoundary extends Component<PageErrorBoundaryProps, PageErrorBoundaryState> {
  override state: PageErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): PageErrorBoundaryState {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
