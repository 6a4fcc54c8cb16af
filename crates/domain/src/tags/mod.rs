//! Tags: theme, team and holiday dictionaries and how activity text is matched against them.
