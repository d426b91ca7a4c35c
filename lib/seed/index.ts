import type { PrismaClient } from '@/lib/generated/prisma/client';
import { bumpRollupVersion } from '@/lib/evidence/rollups';
import { memberStateName } from '@/lib/seed/country-names';
import { loadSeedData, type SeedData } from '@/lib/seed/data';
import { runTransaction } from '@/lib/transaction';

/**
 * The idempotent, production-safe seed of reference data: documents and paragraphs, themes, commitments,
 * member states, UN entities and instruments. It upserts by natural key and never deletes, so a release that adds
 * commitments adds them to an existing database beside the old ones. Commitments that an admin has edited in the
 * app (version > 1) keep their titles, summaries, guidance, theme and strength; their paragraph, quote, addressee,
 * order and links still follow the shipped data. When the database already holds exactly the shipped data (same
 * hash), it does nothing.
 */
const SEED_HASH_KEY = 'seed.hash';

export interface SeedResult {
  skipped: boolean;
  documents: number;
  paragraphs: number;
  commitments: { memberStates: number; unSystem: number };
  memberStates: number;
  unEntities: number;
  instruments: number;
  themes: number;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function seedDatabase(prisma: PrismaClient, data: SeedData = loadSeedData()): Promise<SeedResult> {
  const commitments = data.documents.flatMap((d) => d.commitments);
  const result: SeedResult = {
    skipped: false,
    documents: data.documents.length,
    paragraphs: data.documents.reduce((sum, d) => sum + d.statement.paragraphs.length, 0),
    commitments: {
      memberStates: commitments.filter((c) => c.addressee === 'MEMBER_STATES').length,
      unSystem: commitments.filter((c) => c.addressee === 'UN_SYSTEM').length,
    },
    memberStates: data.memberStates.length,
    unEntities: data.unEntities.length,
    instruments: data.instruments.length,
    themes: data.themes.length,
  };

  const stored = await prisma.setting.findUnique({ where: { key: SEED_HASH_KEY } });
  if (stored?.value === data.hash) return { ...result, skipped: true };

  await runTransaction(
    prisma,
    async (tx) => {
      const themeIds = new Map<string, number>();
      for (const [index, theme] of data.themes.entries()) {
        const fields = { name: theme.name, description: theme.description, sortOrder: index };
        const row = await tx.theme.upsert({
          where: { code: theme.code },
          create: { code: theme.code, ...fields },
          update: fields,
        });
        themeIds.set(theme.code, row.id);
      }

      const instrumentIds = new Map<string, number>();
      for (const [index, instrument] of data.instruments.entries()) {
        const fields = {
          year: instrument.year,
          adoptedOn: day(instrument.adoptedOn),
          entryIntoForceOn: instrument.entryIntoForceOn ? day(instrument.entryIntoForceOn) : null,
          shortName: instrument.shortName,
          title: instrument.title,
          depositary: instrument.depositary,
          sortOrder: index,
        };
        const row = await tx.instrument.upsert({
          where: { code: instrument.code },
          create: { code: instrument.code, ...fields },
          update: fields,
        });
        instrumentIds.set(instrument.code, row.id);
      }

      for (const state of data.memberStates) {
        const fields = {
          kind: 'MEMBER_STATE' as const,
          alpha2: state.alpha2,
          name: memberStateName(state),
          regionalGroup: state.group,
        };
        await tx.actor.upsert({ where: { code: state.code }, create: { code: state.code, ...fields }, update: fields });
      }
      for (const entity of data.unEntities) {
        const fields = { kind: 'UN_ENTITY' as const, name: entity.name };
        await tx.actor.upsert({
          where: { code: entity.code },
          create: { code: entity.code, ...fields },
          update: fields,
        });
      }

      for (const document of data.documents) {
        const fields = {
          slug: document.slug,
          language: document.language,
          adoptedOn: day(document.adoptedOn),
          meeting: document.meeting,
          heading: document.statement.heading,
          chapeau: document.statement.chapeau,
          title: document.title,
          agendaItem: document.agendaItem,
        };
        const { id: documentId } = await tx.document.upsert({
          where: { symbol: document.symbol },
          create: { symbol: document.symbol, ...fields },
          update: fields,
        });

        const paragraphIds = new Map<number, number>();
        for (const [index, text] of document.statement.paragraphs.entries()) {
          const number = index + 1;
          const row = await tx.paragraph.upsert({
            where: { documentId_number: { documentId, number } },
            create: { documentId, number, text },
            update: { text },
          });
          paragraphIds.set(number, row.id);
        }

        for (const [index, commitment] of document.commitments.entries()) {
          // Where the commitment sits in the text follows the shipped data on every release; how it is described
          // and classified is what an admin may correct in the app (lib/operations/commitments.ts), kept once edited.
          const placement = {
            documentId,
            paragraphId: paragraphIds.get(commitment.paragraph)!,
            quote: commitment.quote,
            addressee: commitment.addressee,
            sortOrder: index,
          };
          const description = {
            title: commitment.title,
            summary: commitment.summary,
            guidance: commitment.guidance,
            themeId: themeIds.get(commitment.theme)!,
            strength: commitment.strength,
          };
          const existing = await tx.commitment.findUnique({
            where: { code: commitment.code },
            select: { id: true, version: true },
          });
          const { id: commitmentId } = existing
            ? await tx.commitment.update({
                where: { id: existing.id },
                data: existing.version > 1 ? placement : { ...placement, ...description },
              })
            : await tx.commitment.create({ data: { code: commitment.code, ...placement, ...description } });

          await tx.commitmentLink.deleteMany({ where: { commitmentId } });
          await tx.commitmentLink.createMany({
            data: commitment.links.map((link, sortOrder) => ({
              commitmentId,
              kind: link.kind,
              reference: link.reference,
              instrumentId: link.kind === 'INSTRUMENT' ? instrumentIds.get(link.reference)! : null,
              sortOrder,
            })),
          });
        }
      }

      // Commitments and themes label and count the dashboard's cached figures: a changed seed makes them stale.
      await bumpRollupVersion(tx);
      await tx.setting.upsert({
        where: { key: SEED_HASH_KEY },
        create: { key: SEED_HASH_KEY, value: data.hash },
        update: { value: data.hash },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return result;
}
