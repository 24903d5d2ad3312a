import { z } from 'zod';

// How to build an instrumented reference (task.yaml `coverage:`): where its source comes from, the
// build steps that make a gcc --coverage binary behaving like the reference, and which source
// files count.
export const CoverageRecipeSchema = z
  .object({
    source: z.union([
      /** The Debian source package of the installed reference, at the installed version. */
      z
        .object({
          debian: z.string().regex(/^[a-z0-9][a-z0-9.+-]+$/),
          /** Another version to fetch (when the archive no longer serves the installed one). */
          version: z.string().optional(),
          /** Apply debian/patches/series up to and including this patch (default: all of it). */
          patches: z.string().optional(),
        })
        .strict(),
      /** A source folder, relative to the task folder. */
      z.object({ dir: z.string().min(1) }).strict(),
    ]),
    /** Debian packages the build needs (installed by `tasks coverage` as root, else named). */
    needs: z.array(z.string().regex(/^[a-z0-9][a-z0-9.+-]+$/)).default([]),
    /** Shell commands run one after another in the source tree; they must compile with --coverage. */
    build: z.array(z.string().min(1)).min(1),
    /** The instrumented program, relative to the source tree. */
    binary: z.string().min(1),
    /** Source files that count, relative to the source tree; `*` matches within one path segment. */
    files: z.array(z.string().min(1)).min(1),
    /** Of those, files that do not count (generated code, test drivers). */
    exclude: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type CoverageRecipe = z.infer<typeof CoverageRecipeSchema>;

export const CoverageCountSchema = z.object({ covered: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).strict();
export type CoverageCount = z.infer<typeof CoverageCountSchema>;

// Coverage a suite reaches in the reference's own sources, measured on an instrumented build.
export const CoverageFigureSchema = z
  .object({
    suiteSha256: z.string(),
    /** Cases on which the instrumented build behaved as the suite expects, out of all. */
    agreement: z.object({ agreed: z.number().int().nonnegative(), cases: z.number().int().nonnegative() }).strict(),
    /** Why the figure does not count (the instrumented build disagrees with the suite), or null. */
    void: z.string().nullable(),
    lines: CoverageCountSchema,
    branches: CoverageCountSchema,
    functions: CoverageCountSchema,
    files: z.array(z.object({ path: z.string(), lines: CoverageCountSchema, branches: CoverageCountSchema, functions: CoverageCountSchema }).strict()),
    /** Functions of the counted files that no case reached, as file:name. */
    neverReached: z.array(z.string()),
    measuredAt: z.string(),
  })
  .strict();
export type CoverageFigure = z.infer<typeof CoverageFigureSchema>;
