"""The reader-safety plugin: the quick exit, the emergency numbers, help data, tel: links, no empty promises."""
