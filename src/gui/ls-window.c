/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-window.h"

struct _LsWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  AdwToastOverlay *toast_overlay;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (LsWindow, ls_window, ADW_TYPE_APPLICATION_WINDOW)

static void
ls_window_constructed (GObject *object)
{
  LsWindow *self = LS_WINDOW (object);
  GtkApplication *app;

  G_OBJECT_CLASS (ls_window_parent_class)->constructed (object);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (LS_IS_APPLICATION (app))
    self->settings =
        g_object_ref (ls_application_get_settings (LS_APPLICATION (app)));
  else
    self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
ls_window_dispose (GObject *object)
{
  LsWindow *self = LS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LS_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ls_window_parent_class)->dispose (object);
}

static void
ls_window_class_init (LsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ls_window_constructed;
  object_class->dispose = ls_window_dispose;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LsWindow, empty_page);
}

static void
ls_window_init (LsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LsWindow *
ls_window_new (LsApplication *application)
{
  g_return_val_if_fail (LS_IS_APPLICATION (application), NULL);

  return g_object_new (LS_TYPE_WINDOW, "application", application, NULL);
}
