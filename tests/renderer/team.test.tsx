import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BulkBar, SaveViewButton, SavedViewsNav } from '../../src-renderer/workspace/filters';
import { MacroDialog } from '../../src-renderer/workspace/macros/MacroDialog';
import { useMacroControls } from '../../src-renderer/workspace/macros/useMacros';
import { Toasts } from '../../src-renderer/ui/Toasts';
import { useToastQueue } from '../../src-renderer/ui/toast-queue';
import type { SavedView } from '../../src-shared/domain/filters';
import type { Macro } from '../../src-shared/domain/team';
import { macroSchema, teamViewSchema } from '../../src-shared/domain/team';
import type { User } from '../../src-shared/domain/model';
import { agent, cacheWith, colleague, deskOf, now, outboxOf, renderWith } from './filter-world';

/** The team's macros and shared views in the workspace, over a real Dexie cache. */

const supervisor: User = {
  id: 's1',
  name: 'Sophie Marchand',
  email: 'sophie@klikpay.test',
  role: 'supervisor',
};
const stamps = (createdBy: string) => ({
  id: crypto.randomUUID(),
  createdBy,
  updatedAt: new Date(now).toISOString(),
});

describe('a macro', () => {
  it('is written step by step, checked, and saved for the team under its author', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(0));
    const onDone = vi.fn();
    renderWith(desk, <MacroDialog macro={null} macros={[]} onClose={() => undefined} onDone={onDone} />);
    const dialog = screen.getByRole('dialog', { name: 'New macro' });
    const save = within(dialog).getByRole('button', { name: 'Save macro' });

    await user.click(save);
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Give the macro a name of at most 80 characters.',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Proof, then a week');
    await user.click(save);
    expect(within(dialog).getByRole('alert').textContent).toMatch(/^A macro does at least one thing/);

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Letter' }), 'Request for proof');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'To' }), 'Merchant');
    await user.type(within(dialog).getByRole('textbox', { name: 'Tags to add' }), 'proof, <b>');
    await user.click(save);
    expect(within(dialog).getByRole('alert').textContent).toContain('“<b>”');
    const tags = within(dialog).getByRole('textbox', { name: 'Tags to add' });
    await user.clear(tags);
    await user.type(tags, 'Proof, waiting');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Follow up' }), 'In a week');
    await user.click(within(dialog).getByRole('radio', { name: 'Assign it' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Assign to' }), colleague.name);
    await user.click(save);

    await waitFor(() => expect(onDone).toHaveBeenCalledWith('saved', 'Proof, then a week'));
    const [stored] = await desk.db.macros.toArray();
    expect(macroSchema.parse(stored)).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Proof, then a week',
      letter: { id: 'request_for_proof', audience: 'merchant' },
      tags: ['proof', 'waiting'],
      followUp: 'inAWeek',
      finish: { kind: 'assign', assigneeId: colleague.id },
      createdBy: agent.id,
      updatedAt: expect.any(String),
    });
  });

  it('says why it could not be saved, and keeps what was typed', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(0), {
      saveTeamItem: async () => ({
        ok: false,
        error: { code: 'offline', message: 'The server cannot be reached.' },
      }),
    });
    renderWith(
      desk,
      <MacroDialog macro={null} macros={[]} onClose={() => undefined} onDone={() => undefined} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'New macro' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Take it');
    await user.click(within(dialog).getByRole('radio', { name: /^Take it over/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save macro' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(
      /^Saving a macro needs the connection/,
    );
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Name' }).value).toBe('Take it');
    expect(await desk.db.macros.count()).toBe(0);
  });

  it('is read-only to an agent who did not write it, and deleted for everyone by a supervisor', async () => {
    const user = userEvent.setup();
    const db = await cacheWith(0);
    await db.users.put(supervisor);
    const theirs: Macro = {
      name: 'Close as refunded',
      letter: null,
      tags: [],
      followUp: null,
      ...stamps(colleague.id),
      finish: { kind: 'close', summary: 'Refunded.' },
    };
    await db.macros.put(theirs);
    const view = renderWith(
      deskOf(db),
      <MacroDialog macro={theirs} macros={[theirs]} onClose={() => undefined} onDone={() => undefined} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Edit macro “Close as refunded”' });
    expect(
      await within(dialog).findByText(/Only James Whitfield or a supervisor can change this macro/),
    ).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Save macro' })).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Delete macro' })).toBeNull();
    // Inside a disabled fieldset: nothing of it can be changed.
    expect(within(dialog).getByRole('textbox', { name: 'Name' }).closest('fieldset')?.disabled).toBe(true);
    view.unmount();

    const onDone = vi.fn();
    renderWith(
      deskOf(db, { user: supervisor }),
      <MacroDialog macro={theirs} macros={[theirs]} onClose={() => undefined} onDone={onDone} />,
    );
    await user.click(screen.getByRole('button', { name: 'Delete macro' }));
    const confirm = screen.getByRole('group', { name: 'Delete macro' });
    expect(confirm.textContent).toContain('Delete “Close as refunded” for the whole team?');
    await user.click(within(confirm).getByRole('button', { name: 'Delete macro' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('deleted', 'Close as refunded'));
    expect(await db.macros.count()).toBe(0);
  });

  it('names its author while they are away, and says who may change it when the author is unknown', async () => {
    const db = await cacheWith(0);
    await db.users.put({ ...colleague, absent: true });
    const theirs: Macro = {
      name: 'Remind merchant',
      letter: null,
      tags: ['reminded'],
      followUp: null,
      ...stamps(colleague.id),
      finish: { kind: 'none' },
    };
    const away = renderWith(
      deskOf(db),
      <MacroDialog macro={theirs} macros={[theirs]} onClose={() => undefined} onDone={() => undefined} />,
    );
    expect(
      await screen.findByText(
        'By James Whitfield — Only James Whitfield or a supervisor can change this macro.',
      ),
    ).toBeTruthy();
    away.unmount();

    const orphan: Macro = { ...theirs, ...stamps('u-gone') };
    renderWith(
      deskOf(db),
      <MacroDialog macro={orphan} macros={[orphan]} onClose={() => undefined} onDone={() => undefined} />,
    );
    expect(await screen.findByText('Only its author or a supervisor can change this macro.')).toBeTruthy();
    expect(screen.queryByText(/u-gone/)).toBeNull();
  });

  it('runs on a selection: every step on each dossier, refusals said, all undone together', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(4));
    await desk.db.macros.put({
      name: 'Urgent, mine',
      letter: null,
      tags: ['urgent'],
      followUp: null,
      finish: { kind: 'take' },
      ...stamps(colleague.id),
    });
    // d-3 is closed first: taking it over is refused there, and said; its tag stands (the rules
    // let a closed dossier be tagged), as a click would have it.
    expect((await desk.perform('dossier.close', { dossierId: 'd-3', summary: 'Done.' })).ok).toBe(true);
    await desk.db.outbox.clear();
    renderWith(
      desk,
      <BulkBar
        selection={{ kind: 'ids', ids: ['d-0', 'd-1', 'd-3'] }}
        query={{ queue: 'all' }}
        now={now}
        onClear={() => undefined}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Macros' }));
    await user.click(await screen.findByRole('button', { name: 'Run “Urgent, mine”' }));
    expect(await screen.findByText('Done: macro run on 2 dossiers, 1 refused')).toBeTruthy();
    expect(await outboxOf(desk.db)).toEqual([
      ['dossier.tag', 'd-0'],
      ['dossier.take_over', 'd-0'],
      ['dossier.tag', 'd-1'],
      ['dossier.take_over', 'd-1'],
      ['dossier.tag', 'd-3'],
    ]);
    expect(screen.getByText(/Dossier … is closed|closed/i)).toBeTruthy();
    const d0 = await desk.db.dossiers.get('d-0');
    expect([d0?.tags, d0?.assigneeId]).toEqual([['urgent'], agent.id]);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await desk.db.outbox.count()).toBe(0));
    const back = await desk.db.dossiers.get('d-0');
    expect([back?.tags, back?.assigneeId]).toEqual([[], null]);
  });
});

/** The workspace's macro commands and its toasts, on the dossier `openId`. */
function MacroCommands({ openId }: { openId: string }) {
  const toasts = useToastQueue();
  const { commands, dialog } = useMacroControls(toasts, openId);
  return (
    <>
      {commands.map((c) => (
        <button key={c.id} type="button" onClick={() => c.run()}>
          {c.label}
        </button>
      ))}
      {dialog}
      <Toasts toasts={toasts.toasts} onDismiss={toasts.dismiss} />
    </>
  );
}

describe('a macro from the palette', () => {
  const tagAndTake = (createdBy: string): Macro => ({
    name: 'Urgent, mine',
    letter: null,
    tags: ['urgent'],
    followUp: null,
    finish: { kind: 'take' },
    ...stamps(createdBy),
  });

  it('runs on the open dossier, says so, and its Undo takes every step back', async () => {
    const user = userEvent.setup();
    const desk = deskOf(await cacheWith(2));
    await desk.db.macros.put(tagAndTake(colleague.id));
    renderWith(desk, <MacroCommands openId="d-1" />);
    await user.click(
      await screen.findByRole('button', { name: 'Run macro “Urgent, mine” on the open dossier' }),
    );
    expect(await screen.findByText('Macro “Urgent, mine” run on KP-2026-000101.')).toBeTruthy();
    expect(await outboxOf(desk.db)).toEqual([
      ['dossier.tag', 'd-1'],
      ['dossier.take_over', 'd-1'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByText(
        'Macro “Urgent, mine” on KP-2026-000101 undone: nothing of it went to the server.',
      ),
    ).toBeTruthy();
    expect(await desk.db.outbox.count()).toBe(0);
    expect((await desk.db.dossiers.get('d-1'))?.tags).toEqual([]);
  });

  it('says when its Undo came too late for changes already sent', async () => {
    const user = userEvent.setup();
    const real = deskOf(await cacheWith(2));
    // The push took them meanwhile: nothing was left to take back.
    const desk = { ...real, undoMany: async () => [] };
    await desk.db.macros.put(tagAndTake(agent.id));
    renderWith(desk, <MacroCommands openId="d-0" />);
    await user.click(
      await screen.findByRole('button', { name: 'Run macro “Urgent, mine” on the open dossier' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByText(
        'Too late for 2 changes of macro “Urgent, mine” on KP-2026-000100: they had already gone to the server.',
      ),
    ).toBeTruthy();
  });
});

describe('a view shared with the team', () => {
  const sort = { key: 'urgency', direction: 'asc' } as const;

  it('is shared by a supervisor, listed for everyone with its count, renamed and deleted by supervisors', async () => {
    const user = userEvent.setup();
    const db = await cacheWith(4);
    await db.users.put(supervisor);
    const boss = deskOf(db, { user: supervisor });
    const first = renderWith(
      boss,
      <>
        <SavedViewsNav activeViewId={null} onSelect={() => undefined} />
        <SaveViewButton queue="payment" filter={{}} sort={sort} />
      </>,
    );
    expect(screen.queryByRole('navigation', { name: 'Team views' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save as a view' }));
    const dialog = screen.getByRole('dialog', { name: 'Save as a view' });
    await user.type(within(dialog).getByRole('textbox', { name: 'View name' }), 'Payments today');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Share with the team' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await db.views.count()).toBe(0);
    const [shared] = await db.teamViews.toArray();
    expect(teamViewSchema.parse(shared)).toMatchObject({
      name: 'Payments today',
      queue: 'payment',
      createdBy: 's1',
    });
    const nav = await screen.findByRole('navigation', { name: 'Team views' });
    // Two of the four dossiers are payment claims.
    await waitFor(() =>
      expect(within(nav).getByRole('button', { name: /^Payments today/ }).textContent).toContain(
        '2 dossiers',
      ),
    );
    first.unmount();

    // An agent sees it, opens it, and may neither change it nor share one.
    const onSelect = vi.fn<(view: SavedView) => void>();
    const second = renderWith(
      deskOf(db),
      <>
        <SavedViewsNav activeViewId={null} onSelect={onSelect} />
        <SaveViewButton queue="payment" filter={{}} sort={sort} />
      </>,
    );
    const agentNav = await screen.findByRole('navigation', { name: 'Team views' });
    await user.click(within(agentNav).getByRole('button', { name: /^Payments today/ }));
    expect(onSelect).toHaveBeenCalledWith(shared);
    expect(within(agentNav).queryByRole('button', { name: /^Rename/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save as a view' }));
    expect(screen.queryByRole('checkbox', { name: 'Share with the team' })).toBeNull();
    second.unmount();

    renderWith(boss, <SavedViewsNav activeViewId={null} onSelect={() => undefined} />);
    const again = await screen.findByRole('navigation', { name: 'Team views' });
    await user.click(within(again).getByRole('button', { name: 'Rename the team view “Payments today”' }));
    const name = screen.getByRole('textbox', { name: 'View name' });
    await user.clear(name);
    await user.type(name, 'Payment claims');
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    await waitFor(async () =>
      expect((await db.teamViews.toArray()).map((v) => v.name)).toEqual(['Payment claims']),
    );
    await user.click(
      await within(again).findByRole('button', { name: 'Delete the team view “Payment claims”' }),
    );
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect(await db.teamViews.count()).toBe(0));
    await waitFor(() => expect(screen.queryByRole('navigation', { name: 'Team views' })).toBeNull());
  });

  it('is not shared while the server cannot be reached: the dialog says so and keeps the name', async () => {
    const user = userEvent.setup();
    const db = await cacheWith(0);
    const boss = deskOf(db, {
      user: supervisor,
      saveTeamItem: async () => ({
        ok: false,
        error: { code: 'offline', message: 'The server cannot be reached.' },
      }),
    });
    renderWith(boss, <SaveViewButton queue="payment" filter={{}} sort={sort} />);
    await user.click(screen.getByRole('button', { name: 'Save as a view' }));
    const dialog = screen.getByRole('dialog', { name: 'Save as a view' });
    await user.type(within(dialog).getByRole('textbox', { name: 'View name' }), 'Payments');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Share with the team' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/^Sharing needs the connection/);
    expect(await db.teamViews.count()).toBe(0);
  });
});
