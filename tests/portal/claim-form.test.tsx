import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FileClaimRequest } from '../../src-shared/contract/api';
import { fileClaimRequestSchema } from '../../src-shared/contract/api';
import { attachmentLimits } from '../../src-shared/domain/model';
import { PortalError } from '../../src-portal/api/http';
import { claimProblems, emptyClaim } from '../../src-portal/domain/claim-form';
import { fileProblems } from '../../src-portal/domain/files';
import { ClaimForm } from '../../src-portal/screens/customer/ClaimForm';
import { dossier, fakeApi, file, pngBytes, renderPortal, transaction } from './portal';

/** Filing a claim: the department's questions in order, checked as the API checks them, before anything is sent. */

const complete = {
  ...emptyClaim,
  merchantContact: 'merchant_no_answer',
  subject: 'delivery',
  reason: 'damaged_or_defective',
  desiredOutcome: 'replacement',
  description: 'Arrived broken.',
} as const;

describe('what stops a claim (pure)', () => {
  it('asks every question, and a description', () => {
    expect(claimProblems(emptyClaim)).toEqual({
      merchantContact: [{ code: 'required' }],
      subject: [{ code: 'required' }],
      reason: [{ code: 'required' }],
      desiredOutcome: [{ code: 'required' }],
      description: [{ code: 'blank' }],
    });
    expect(claimProblems(complete)).toEqual({});
    expect(claimProblems({ ...complete, description: '   \n ' }).description).toEqual([{ code: 'blank' }]);
  });

  it('refuses what the API would: too long (saying by how much), control characters, half a character', () => {
    expect(claimProblems({ ...complete, description: 'x'.repeat(5_003) }).description).toEqual([
      { code: 'too_long', max: 5_000, over: 3 },
    ]);
    expect(claimProblems({ ...complete, description: 'bell\u0007' }).description).toEqual([
      { code: 'bad_characters' },
    ]);
    expect(claimProblems({ ...complete, description: 'cut \ud83d' }).description).toEqual([
      { code: 'bad_characters' },
    ]);
    // Whatever passes here passes the contract's own schema.
    expect(fileClaimRequestSchema.shape.description.safeParse(complete.description).success).toBe(true);
  });

  it('checks files against the API’s types, size and count', () => {
    const ok = { name: 'receipt.pdf', type: 'application/pdf', size: 2_000 };
    expect(fileProblems([ok])).toEqual([]);
    expect(fileProblems([{ name: 'tool.exe', type: 'application/x-msdownload', size: 10 }])).toEqual([
      { code: 'file_type', name: 'tool.exe' },
    ]);
    expect(fileProblems([{ ...ok, size: attachmentLimits.bytes + 1 }])).toEqual([
      { code: 'file_too_big', name: 'receipt.pdf', max: attachmentLimits.bytes },
    ]);
    expect(fileProblems([{ ...ok, size: 0 }])).toEqual([{ code: 'file_empty', name: 'receipt.pdf' }]);
    expect(fileProblems([ok, ok, ok, ok])).toEqual([{ code: 'too_many_files', max: 3 }]);
  });
});

async function answerAll(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByLabelText('Yes, but the merchant does not answer my e-mails'));
  await user.click(await screen.findByLabelText('The delivery'));
  await user.click(await screen.findByLabelText('The order arrived damaged or defective'));
  await user.click(await screen.findByLabelText('A replacement'));
}

describe('the claim form', () => {
  it('advises contacting the merchant first, and gives its address', async () => {
    const user = userEvent.setup();
    renderPortal(<ClaimForm transaction={transaction} />);
    expect(screen.queryByText(/always preferable/)).toBeNull();
    // The questions come one after the other.
    expect(screen.queryByText('Is your claim about the payment or the delivery?')).toBeNull();
    await user.click(screen.getByLabelText('No, not yet'));
    expect(screen.getByText(/It is always preferable to contact the merchant first/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'contact@boutique.test' }).getAttribute('href')).toBe(
      'mailto:contact@boutique.test',
    );
    expect(screen.getByText('Is your claim about the payment or the delivery?')).toBeTruthy();
  });

  it('explains where payment and delivery claims go, with the department’s delays', async () => {
    const user = userEvent.setup();
    renderPortal(<ClaimForm transaction={{ ...transaction, merchantEmailValid: false }} />);
    await user.click(screen.getByLabelText('Yes, but the merchant does not answer my e-mails'));
    expect(
      await screen.findByText(/goes straight to Klik & Pay, who will reply within 1 business day/),
    ).toBeTruthy();
    expect(
      screen.getByText(/Klik & Pay is informed at once and makes sure the merchant answers within 7 days/),
    ).toBeTruthy();
    // This merchant's mail bounces: a delivery claim goes to Klik & Pay, and the form says so.
    await user.click(screen.getByLabelText('The delivery'));
    expect(screen.getByText(/Klik & Pay will handle your delivery claim directly/)).toBeTruthy();
  });

  it('lists what to fix at the top, with each field’s own message, and sends nothing', async () => {
    const user = userEvent.setup();
    const fileClaim = vi.fn();
    renderPortal(<ClaimForm transaction={transaction} />, fakeApi({ fileClaim }));
    await answerAll(user);
    await user.click(screen.getByRole('button', { name: 'Send my claim' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Not sent yet: 1 thing to fix.');
    expect(
      within(summary).getByRole('link', { name: 'Describe the problem — Write something here.' }),
    ).toBeTruthy();
    expect(document.activeElement).toBe(summary);
    const description = screen.getByRole('textbox', { name: 'Describe the problem' });
    expect(description.getAttribute('aria-invalid')).toBe('true');
    await user.click(within(summary).getByRole('link'));
    expect(document.activeElement).toBe(description);
    expect(fileClaim).not.toHaveBeenCalled();
  });

  it('says at once which picked file cannot go, and why', async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderPortal(<ClaimForm transaction={transaction} />);
    await answerAll(user);
    const picker = screen.getByLabelText('Attach files (optional)');
    await user.upload(picker, [
      file('big.png', 'image/png', attachmentLimits.bytes + 1),
      file('setup.exe', 'application/x-msdownload', 10),
    ]);
    expect(screen.getByText('big.png is larger than 4 MB.')).toBeTruthy();
    expect(
      screen.getByText(
        'setup.exe cannot be attached: only PDF, JPEG, PNG, WebP and text files are accepted.',
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove setup.exe' }));
    expect(screen.queryByText(/setup\.exe cannot be attached/)).toBeNull();
  });

  it('sends the claim as the contract wants it, files base64-encoded, in the portal’s language', async () => {
    const user = userEvent.setup();
    const sent: FileClaimRequest[] = [];
    const fileClaim = vi.fn((request: FileClaimRequest) => {
      sent.push(request);
      return Promise.resolve(dossier());
    });
    renderPortal(<ClaimForm transaction={transaction} />, fakeApi({ fileClaim }));
    await answerAll(user);
    await user.type(
      screen.getByRole('textbox', { name: 'Describe the problem' }),
      '  The lamp arrived broken.  ',
    );
    await user.upload(
      screen.getByLabelText('Attach files (optional)'),
      file('photo.png', 'image/png', pngBytes),
    );
    await user.click(screen.getByRole('button', { name: 'Send my claim' }));
    await waitFor(() => expect(fileClaim).toHaveBeenCalledTimes(1));
    expect(sent[0]).toEqual({
      transactionId: 't-1',
      subject: 'delivery',
      reason: 'damaged_or_defective',
      merchantContact: 'merchant_no_answer',
      desiredOutcome: 'replacement',
      description: 'The lamp arrived broken.',
      language: 'en',
      attachments: [{ filename: 'photo.png', contentType: 'image/png', contentBase64: 'iVBORw0KGgoAAAAN' }],
    });
    await waitFor(() => expect(window.location.pathname).toBe('/portal/claims/d-1'));
  });

  it('says plainly that a claim is already open on the purchase, with the way to it', async () => {
    const user = userEvent.setup();
    const fileClaim = () =>
      Promise.reject(
        new PortalError('conflict', 'This transaction already has an open dossier.', { dossierId: 'd-9' }),
      );
    renderPortal(<ClaimForm transaction={transaction} />, fakeApi({ fileClaim }));
    await answerAll(user);
    await user.type(screen.getByRole('textbox', { name: 'Describe the problem' }), 'Broken.');
    await user.click(screen.getByRole('button', { name: 'Send my claim' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('A claim is already open on this purchase');
    expect(within(alert).getByRole('link').getAttribute('href')).toBe('/portal/claims/d-9');
  });
});
