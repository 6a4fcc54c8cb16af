//! Profiles: the built-in indicator tables as data (indicators.md §5), and custom copies.
