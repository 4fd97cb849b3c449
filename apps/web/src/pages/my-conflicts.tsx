/** 回避声明 (expert): POST /api/my/conflicts {creditCode, reason} — later draws recuse me for that unit. */
import { PageHeader } from '../components/PageHeader';
import { OwnConflictForm } from './pools/OwnConflictForm';

export default function MyConflictsPage() {
  return (
    <>
      <PageHeader
        title="回避声明"
        description="与申报单位存在利益关系（任职、亲属、合作等）的，请主动申报回避。"
      />
      <OwnConflictForm
        path="/api/my/conflicts"
        name="conflict"
        notice="登记后，市州人社局抽取评审专家时系统会自动将您列入该单位的回避名单，并记录回避原因。"
        done="回避声明已登记，今后抽取该单位的评审时将自动回避"
      />
    </>
  );
}
