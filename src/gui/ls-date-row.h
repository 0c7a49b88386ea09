/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-dates.h"

G_BEGIN_DECLS

#define LS_TYPE_DATE_ROW (ls_date_row_get_type ())

G_DECLARE_FINAL_TYPE (LsDateRow, ls_date_row, LS, DATE_ROW, AdwEntryRow)

/* clang-format off */
GtkWidget     *ls_date_row_new         (void);
LsDatesFormat  ls_date_row_get_formats (LsDateRow     *self);
void           ls_date_row_set_formats (LsDateRow     *self,
                                        LsDatesFormat  formats);
void           ls_date_row_set_value   (LsDateRow     *self,
                                        const char    *value);
gboolean       ls_date_row_read        (LsDateRow     *self,
                                        GDateTime     *now,
                                        char         **value,
                                        GError       **error);
/* clang-format on */

G_END_DECLS
