import './mantine.css';
import './i18n';
import { startTransition, StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './App';
import { createAppRouter, type AppRouter } from './router';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');

/** Removes the shell of index.html in the commit that draws the app's first screen (no frame with both). */
function RemoveShell() {
  useLayoutEffect(() => document.getElementById('boot')?.remove(), []);
  return null;
}

const queryClient = createQueryClient();

/** The longest the shell waits for the route before the app is drawn anyway (it then shows its own loading). */
const LOAD_WAIT_MS = 3_000;

let drawn = false;
function draw(router: AppRouter) {
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

/** Lets the browser run between two steps of the start: each is a task of its own, none long on a phone. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// The page's route is loaded (its chunks and data, which index.html usually brings along) before
// React draws anything, and the first screen is then drawn whole in a transition: in slices that
// leave the main thread free between them (no long task), the shell staying on screen meanwhile.
// Drawn while loading, it would be drawn again when the route is ready, in one synchronous render
// (the router's state is an external store). A request that never ends does not keep the shell
// forever; a 401 meanwhile reaches the app once drawn (onUnauthorized). Evaluating the modules,
// building the router (its route tree) and starting the route's load are three tasks, not one.
async function start() {
  await nextTask();
  const router = createAppRouter(queryClient);
  setTimeout(() => draw(router), LOAD_WAIT_MS);
  await nextTask();
  await router.load().catch(() => undefined);
  draw(router);
}
void start();
