/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_CASE_LIST (ls_case_list_get_type ())

/* How many of the newest matches a search shows at most. */
#define LS_CASE_LIST_SEARCH_LIMIT 1000

G_DECLARE_FINAL_TYPE (LsCaseList, ls_case_list, LS, CASE_LIST, GObject)

/* clang-format off */
LsCaseList *ls_case_list_new               (LsStore      *store);
LsStore    *ls_case_list_get_store         (LsCaseList   *self);
void        ls_case_list_set_status        (LsCaseList   *self,
                                            const char   *status);
void        ls_case_list_set_unit          (LsCaseList   *self,
                                            const char   *unit);
void        ls_case_list_set_search        (LsCaseList   *self,
                                            const char   *search);
void        ls_case_list_set_with_deadline (LsCaseList   *self,
                                            gboolean      with_deadline);
void        ls_case_list_set_order         (LsCaseList   *self,
                                            LsStoreOrder  order);
void        ls_case_list_refresh           (LsCaseList   *self);
void        ls_case_list_set_query_async   (LsCaseList          *self,
                                            const LsStoreQuery  *query,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    ls_case_list_set_query_finish  (LsCaseList          *self,
                                            GAsyncResult        *result,
                                            GError             **error);
gboolean    ls_case_list_get_limited       (LsCaseList          *self);
gboolean    ls_case_list_apply_pending_query (LsCaseList        *self,
                                              gint64             timeout_us);
/* clang-format on */

G_END_DECLS
