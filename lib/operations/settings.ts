import { defineOperation } from '@/lib/operations/define';
import { isPublicViewEnabled, PUBLIC_VIEW_KEY } from '@/lib/settings';
import { SetPublicViewInput } from '@/lib/validation/users';

export const setPublicView = defineOperation({
  name: 'setPublicView',
  permission: 'manage:settings',
  input: SetPublicViewInput,
  async execute({ tx, audit }, input) {
    const before = await isPublicViewEnabled(tx);
    await tx.setting.upsert({
      where: { key: PUBLIC_VIEW_KEY },
      create: { key: PUBLIC_VIEW_KEY, value: input.enabled },
      update: { value: input.enabled },
    });
    await audit({
      action: 'setting.update',
      entityType: 'Setting',
      entityId: PUBLIC_VIEW_KEY,
      before: { publicView: before },
      after: { publicView: input.enabled },
    });
    return { publicView: input.enabled };
  },
});
