declare module 'virtual:learning-site/settings' {
  const settings: import('./core/site-config.ts').SiteConfig;
  export default settings;
}

declare module 'virtual:learning-site/progress-key' {
  /** The browser storage key of this course's progress (the `progressKey` setting). */
  const progressKey: string;
  export default progressKey;
}
