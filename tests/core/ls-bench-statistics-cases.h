/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-store.h"

G_BEGIN_DECLS

/* clang-format off */
guint ls_bench_statistics_cases_count   (void);
void  ls_bench_statistics_cases_fill    (LsStore *store,
                              guint    n_cases);
/* clang-format on */

G_END_DECLS
