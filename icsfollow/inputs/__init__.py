"""Reading what people type: WHEN and dates, options, the config file, the system."""
