import { Container } from '@mantine/core';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { ErrorState } from './states';

/** A page that could not load (the API unreachable...), with a retry that loads it again. */
export function RouteErrorPage({ error }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <Container size="sm" py="xl">
      <ErrorState error={error} onRetry={() => void router.invalidate()} />
    </Container>
  );
}
