import './mantine.css';
import './i18n';
import { startTransition, StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './App';
import { createAppRouter } from './router';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');

/** Removes the shell of index.html in the commit that draws the app's first screen (no frame with both). */
function RemoveShell() {
  useLayoutEffect(() => document.getElementById('boot')?.remove(), []);
  return null;
}

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

/** The longest the shell waits for the route before the app is drawn anyway (it then shows its own loading). */
const LOAD_WAIT_MS = 3_000;

let drawn = false;
function draw() {
  if (drawn) return;
  drawn = true;
  startTransition(() => {
    createRoot(root!).render(
      <StrictMode>
        <RemoveShell />
        <App queryClient={queryClient} router={router} />
      </StrictMode>,
    );
  });
}

// The page's route is loaded (its chunks and data, which index.html usually brings along) before
// React draws anything, and the first screen is then drawn whole in a transition: in slices that
// leave the main thread free between them (no long task), the shell staying on screen meanwhile.
// Drawn while loading, it would be drawn again when the route is ready, in one synchronous render
// (the router's state is an external store). A request that never ends does not keep the shell
// forever; a 401 meanwhile reaches the app once drawn (onUnauthorized).
void router
  .load()
  .catch(() => undefined)
  .then(draw);
setTimeout(draw, LOAD_WAIT_MS);
