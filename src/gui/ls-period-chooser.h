/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-organisation.h"
#include "ls-statistics.h"

G_BEGIN_DECLS

#define LS_TYPE_PERIOD_CHOOSER (ls_period_chooser_get_type ())

G_DECLARE_FINAL_TYPE (
    LsPeriodChooser, ls_period_chooser, LS, PERIOD_CHOOSER, AdwBin)

/* clang-format off */
GtkWidget         *ls_period_chooser_new              (void);
void               ls_period_chooser_set_organisation (LsPeriodChooser         *self,
                                                       LsOrganisation          *organisation);
void               ls_period_chooser_set_show_period  (LsPeriodChooser         *self,
                                                       gboolean                 show_period);
gboolean           ls_period_chooser_get_show_period  (LsPeriodChooser         *self);
LsStatisticsQuery *ls_period_chooser_dup_query        (LsPeriodChooser         *self,
                                                       GError                 **error);
GStrv              ls_period_chooser_dup_units        (LsPeriodChooser         *self);
void               ls_period_chooser_set_query        (LsPeriodChooser         *self,
                                                       const LsStatisticsQuery *query);
void               ls_period_chooser_set_units        (LsPeriodChooser         *self,
                                                       const char *const       *units);
/* clang-format on */

G_END_DECLS
