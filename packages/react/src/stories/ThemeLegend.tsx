/** Custom properties of styles.css, by name; a theme sets any of them. */
export type Theme = Record<`--bl-${string}`, string>;

/** A dark theme with a serif face and round corners: only custom properties change. */
export const nightTheme: Theme = {
  '--bl-font-family': "Georgia, 'DejaVu Serif', serif",
  '--bl-color-text': '#f8fafc',
  '--bl-color-muted': '#cbd5e1',
  '--bl-color-background': '#0f172a',
  '--bl-color-stage': '#020617',
  '--bl-color-primary': '#fbbf24',
  '--bl-color-primary-hover': '#f59e0b',
  '--bl-color-on-primary': '#111827',
  '--bl-color-disabled': '#64748b',
  '--bl-color-danger': '#fecaca',
  '--bl-color-danger-background': '#450a0a',
  '--bl-color-guide': 'rgba(251, 191, 36, 0.9)',
  '--bl-color-guide-fit': '#38bdf8',
  '--bl-color-guide-fit-bar': '#38bdf8',
  '--bl-color-track': '#334155',
  '--bl-color-focus': '#38bdf8',
  '--bl-radius': '24px',
  '--bl-max-width': '24rem',
  '--bl-gap': '1.25rem',
};

/** The rule an integrator would write: `.bl-root.my-class` outranks the defaults on `.bl-root`. */
export function themeRule(className: string, theme: Theme): string {
  const declarations = Object.entries(theme).map(([name, value]) => `  ${name}: ${value};`);
  return `.bl-root.${className} {\n${declarations.join('\n')}\n}`;
}

const isColor = (value: string) => /^(#|rgb)/.test(value);

/** The theme's values beside the component, so the story shows which variable does what. */
export function ThemeLegend({ theme }: { theme: Theme }) {
  return (
    <section className="story-theme-legend" aria-label="Theme variables">
      <dl>
        {Object.entries(theme).map(([name, value]) => (
          <div key={name} style={{ display: 'contents' }}>
            <dt>{name}</dt>
            <dd>
              {isColor(value) ? <span className="story-theme-swatch" style={{ background: value }} aria-hidden="true" /> : null}
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
