/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "ls-case.h"
#include "ls-store.h"

G_BEGIN_DECLS

/* clang-format off */
LsCase   *ls_bench_generate_case   (GRand      *rand,
                                    guint64     n);
JsonNode *ls_bench_make_document   (GPtrArray  *cases,
                                    LsOrganisation *organisation);
char     *ls_bench_make_query      (GRand      *rand,
                                    guint       i,
                                    guint       n_cases);
gboolean  ls_bench_ensure_database (const char *path,
                                    guint       n_cases);
void      ls_bench_import_cases    (LsStore    *store,
                                    guint       n_cases);
void      ls_bench_write_database  (const char *path,
                                    guint       n_cases,
                                    guint       batch);
guint     ls_bench_ensure_large_database (const char *path,
                                          guint       n_cases);
void      ls_bench_write_pg_database (const char *conninfo,
                                      guint       n_cases,
                                      guint       batch);
char     *ls_bench_ensure_large_pg_database (const char *name,
                                             guint       n_cases,
                                             guint      *n_stored);
/* clang-format on */

G_END_DECLS
