//! Scoring: evaluating a profile's indicators over prepared data.
