/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-case.h"
#include "ls-organisation.h"

G_BEGIN_DECLS

/* For the tests of pseudonymisation: the example's two cases, both
 * concluded in March 2026, with every name, personal identity number,
 * phone number and address they and the organisation hold (and some
 * shaped like them that nobody holds) planted in every free-text member,
 * and a check that none of them is left in a text. */

/* clang-format off */
GPtrArray *ls_test_secrets_make_cases   (LsOrganisation *organisation,
                                         GPtrArray     **secrets);
void       ls_test_secrets_assert_none  (const char     *text,
                                         GPtrArray      *secrets);
/* clang-format on */

G_END_DECLS
