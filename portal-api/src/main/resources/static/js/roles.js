// Who may do what, as the API contract says (docs/api.md). Pure.

export const KINDS = ['MEETING', 'CONSULTATION', 'CLASS'];
export const KIND_LABELS = { MEETING: 'Meeting', CONSULTATION: 'Consultation', CLASS: 'Class' };

const CREATE_RULES = {
  ADMIN: KINDS,
  OFFICIAL: ['MEETING'],
  TEACHER: ['CLASS'],
  DOCTOR: ['CONSULTATION'],
};

export function hasAnyRole(user, roles) {
  const mine = user?.roles ?? [];
  return roles.some((r) => mine.includes(r));
}

/** The room kinds this user may create, in a stable order. */
export function creatableKinds(user) {
  const allowed = new Set((user?.roles ?? []).flatMap((r) => CREATE_RULES[r] ?? []));
  return KINDS.filter((k) => allowed.has(k));
}

/** ADMIN or the room's creator may rename and close it. */
export function canManageRoom(user, room) {
  return hasAnyRole(user, ['ADMIN']) || (!!user?.id && room?.createdBy === user.id);
}
