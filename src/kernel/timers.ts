/** Runs the kernel's scheduled items that are due (restarts, transit, retries, resends, breakers). */
import { halfOpenDue } from './breaker';
import type { KernelContext } from './context';
import { transitDue } from './network';
import { retryDue } from './reliability';
import { resendDue } from './requestRetry';
import { restartDue } from './restarts';

export function runDue(ctx: KernelContext): void {
  for (let item = ctx.scheduler.pop(ctx.now); item !== undefined; item = ctx.scheduler.pop(ctx.now)) {
    switch (item.kind) {
      case 'restart':
        restartDue(ctx, item.agent, item.token);
        break;
      case 'transit':
        transitDue(ctx, item);
        break;
      case 'retry':
        retryDue(ctx, item.key, item.token);
        break;
      case 'resend':
        resendDue(ctx, item.message, item.to, item.link);
        break;
      case 'half-open':
        halfOpenDue(ctx, item.link, item.token);
        break;
    }
  }
}
