/** 站内信 shared by the header bell and the /messages page: list, unread count, mark read and follow. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Message, MessageList } from '../api/review-types';

const listeners = new Set<() => void>();
/** Tells every open message view (bell, page) to refresh, e.g. after one was marked read. */
export const messagesChanged = () => listeners.forEach((l) => l());

export function useMessages(pageSize = 10, page = 1) {
  const [data, setData] = useState<MessageList | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    listeners.add(reload);
    return () => {
      listeners.delete(reload);
    };
  }, [reload]);

  useEffect(() => {
    let stale = false;
    api.get('/api/messages', { query: { page, pageSize } }, { silent: true }).then(
      (d) => !stale && setData(d),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [page, pageSize, tick]);

  return { data, reload };
}

/** Marks a message read (if it is not yet) and answers the in-app link to follow, if any. */
export async function openMessage(m: Message): Promise<string | null> {
  if (!m.read) {
    await api.post('/api/messages/:id/read', { params: { id: m.id } }).catch(() => undefined);
    messagesChanged();
  }
  return m.link && m.link.startsWith('/') ? m.link : null;
}
