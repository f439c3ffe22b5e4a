import { useCallback, useEffect, useState } from 'react';
import type { DataOf, PayloadOf, ResolverName } from '../../src/forge/api';
import { invoke } from './bridge';
import type { ResolverError } from './components/ErrorMessage';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: ResolverError };

/** Loads a resolver's answer on mount; `reload` asks again, `replace` swaps in fresher data we already have. */
export function useResolver<K extends ResolverName>(key: K, payload: PayloadOf<K>) {
  const [result, setResult] = useState<Loaded<DataOf<K>>>({ state: 'loading' });
  const payloadJson = JSON.stringify(payload);

  const reload = useCallback(async () => {
    const response = await invoke(key, JSON.parse(payloadJson) as PayloadOf<K>);
    setResult(response.ok ? { state: 'ready', data: response.data } : { state: 'error', error: response.error });
  }, [key, payloadJson]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const replace = useCallback((data: DataOf<K>) => setResult({ state: 'ready', data }), []);
  return { result, reload, replace };
}

/** Runs one resolver call on demand and keeps its pending state and error for display. */
export function useAction<K extends ResolverName>(key: K) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ResolverError | undefined>();

  const run = useCallback(
    async (payload: PayloadOf<K>): Promise<DataOf<K> | undefined> => {
      setPending(true);
      setError(undefined);
      try {
        const response = await invoke(key, payload);
        if (response.ok) return response.data;
        setError(response.error);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [key],
  );

  return { run, pending, error, clearError: () => setError(undefined) };
}
