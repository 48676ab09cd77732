/** Shapes "who am I" for display. Pure: unit-tested in test/miniprogram/. */
import type { WhoAmIOutput } from '../../../typings/api';

export interface MeView {
  roleLabel: string;
  /** Enough of the openid to tell accounts apart when reporting a problem, not the whole. */
  openidMasked: string;
}

const ROLE_LABELS: Record<WhoAmIOutput['role'], string> = {
  resident: '群众',
  deputy: '人大代表',
  officer: '联络员',
  admin: '常委会工作人员',
};

export function maskOpenid(openid: string): string {
  return openid.length > 8 ? `${openid.slice(0, 4)}****${openid.slice(-4)}` : '****';
}

export function toMeView(who: WhoAmIOutput): MeView {
  return { roleLabel: ROLE_LABELS[who.role], openidMasked: maskOpenid(who.openid) };
}
