/**
 * The wizard's copy of one application: loads GET /api/applications/:id, saves a step with the version it
 * loaded (PUT …/facts, …/scope-items) and takes the next version from the answer. A 409 VERSION_CONFLICT
 * (another tab saved first) opens a modal that only offers to reload: nothing is ever overwritten.
 */
import { App, Button, Modal } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../../../api/client';
import type { ApplicationDetail } from '../../../api/filing-types';

export interface StepHandle {
  /** Saves the step; false when it could not (the reason has been shown). */
  save(): Promise<boolean>;
}

/** Where a pre-check finding sends the applicant (a new object per jump). */
export interface Focus {
  scopeItemIndex?: number;
  slotKey?: string;
}

export interface Draft {
  detail: ApplicationDetail | null;
  loadError: string | null;
  /** PUT /api/applications/:id/<path> with the loaded version; the new detail, or null on failure. */
  put(path: 'facts' | 'scope-items', body: object): Promise<ApplicationDetail | null>;
  /** Reloads materials only (uploads do not change the version, so the loaded version is kept). */
  refreshMaterials(): Promise<void>;
  /** Shows an error of a save or action: the conflict modal, or the server's message. */
  fail(e: unknown): void;
  conflictModal: ReactNode;
}

export function useDraft(id: string): Draft {
  const { message } = App.useApp();
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const ref = useRef<ApplicationDetail | null>(null);
  ref.current = detail;

  useEffect(() => {
    api
      .get('/api/applications/:id', { params: { id } }, { silent: true })
      .then(setDetail, (e: unknown) =>
        setLoadError(e instanceof ApiError ? e.message : '加载失败，请稍后重试'),
      );
  }, [id]);

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') setConflict(true);
      else void message.error(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
    },
    [message],
  );

  const put = useCallback(
    async (path: 'facts' | 'scope-items', body: object) => {
      const current = ref.current;
      if (!current) return null;
      try {
        const next = await api.put(
          path === 'facts' ? '/api/applications/:id/facts' : '/api/applications/:id/scope-items',
          { params: { id }, body: { ...body, version: current.version } },
          { silent: true },
        );
        ref.current = next;
        setDetail(next);
        return next;
      } catch (e) {
        fail(e);
        return null;
      }
    },
    [id, fail],
  );

  const refreshMaterials = useCallback(async () => {
    try {
      const d = await api.get('/api/applications/:id', { params: { id } }, { silent: true });
      setDetail((prev) => (prev ? { ...prev, materials: d.materials } : d));
    } catch (e) {
      fail(e);
    }
  }, [id, fail]);

  const conflictModal = (
    <Modal
      open={conflict}
      title="无法保存"
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新
        </Button>
      }
    >
      该申请已在其他窗口修改，请刷新后继续。刷新将载入最新内容，本页尚未保存的修改不会保留。
    </Modal>
  );

  return { detail, loadError, put, refreshMaterials, fail, conflictModal };
}
