"""The Qt user interface: views lay out widgets, controllers run core work via ui.tasks."""
