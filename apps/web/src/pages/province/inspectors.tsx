/**
 * 督导人员库 /inspectors (province_center and sys_admin keep it; province_bureau reads): the pool page
 * configured as the inspector pool.
 */
import { INSPECTOR_POOL_UI } from '../pools/pool-kinds';
import { PoolPage } from '../pools/PoolPage';

export default function InspectorsPage() {
  return <PoolPage ui={INSPECTOR_POOL_UI} />;
}
