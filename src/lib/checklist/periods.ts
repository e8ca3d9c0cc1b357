/** Every period of the obligations' vocabulary by its name, as the filters and forms show it. */
import type { Period } from '../../schemas/obligation';
import { PERIOD_WORDS } from '../obligations/schedule';

export const PERIOD_NAMES: Record<Period, string> = {
  ...PERIOD_WORDS,
  once: '一次性',
  event: '时间节点',
  ongoing: '定期（未规定周期）',
  triggered: '遇事随时',
};
