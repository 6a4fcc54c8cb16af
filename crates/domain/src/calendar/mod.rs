//! Calendar: the 25 holidays of any year (lunar dates, Qingming), months and quarters.
