declare module 'virtual:learning-site/settings' {
  const settings: import('./core/site-config.ts').SiteConfig;
  export default settings;
}

declare module 'virtual:learning-site/progress-key' {
  /** The browser storage key of this course's progress (the `progressKey` setting). */
  const progressKey: string;
  export default progressKey;
}

declare module 'virtual:learning-site/lesson-checks' {
  /** The last lessons report as the pages show it (the `lessonReport` setting); null when there is none. */
  const lessonChecks: import('./core/lessons/status.ts').LessonChecks | null;
  export default lessonChecks;
}
