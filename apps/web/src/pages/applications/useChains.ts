/** 产业链 dictionary (GET /api/dict/chains answers an array, or a page on older servers). */
import { useEffect, useState } from 'react';
import { api, asPaged } from '../../api/client';
import type { ChainItem as Chain } from '@skillcert/contracts';

export function useChains(): Chain[] {
  const [chains, setChains] = useState<Chain[]>([]);
  useEffect(() => {
    api.get('/api/dict/chains', { query: { pageSize: 100 } }).then(
      (d) => setChains(asPaged(d).items),
      () => undefined,
    );
  }, []);
  return chains;
}
