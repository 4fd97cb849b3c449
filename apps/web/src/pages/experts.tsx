/** 专家库 /experts (city_bureau: own city; sys_admin: all): the pool page configured as the expert pool. */
import { EXPERT_POOL_UI } from './pools/pool-kinds';
import { PoolPage } from './pools/PoolPage';

export default function ExpertsPage() {
  return <PoolPage ui={EXPERT_POOL_UI} />;
}
