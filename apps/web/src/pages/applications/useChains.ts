/** 产业链 dictionary (GET /api/dict/chains answers an array, or a page on older servers). */
import { useEffect, useState } from 'react';
import { api, asPaged, type Paged } from '../../api/client';
import type { Chain } from '../../api/types';

export function useChains(): Chain[] {
  const [chains, setChains] = useState<Chain[]>([]);
  useEffect(() => {
    api.get<Chain[] | Paged<Chain>>('/api/dict/chains', { pageSize: 100 }).then(
      (d) => setChains(asPaged(d).items),
      () => undefined,
    );
  }, []);
  return chains;
}
