import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Rendering Mantine in jsdom is slow on a loaded machine (a lazy chunk compiled on first use took
// over 5 s in CI): the default 1 s makes findBy* flaky.
configure({ asyncUtilTimeout: 15000 });

// Browser APIs Mantine relies on that jsdom does not implement.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = ResizeObserverStub;
Element.prototype.scrollIntoView = () => {};
window.scrollTo = () => {};
