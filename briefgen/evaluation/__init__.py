"""Measuring briefgen against references: summaries against each release's own lead
(`summaries`), who said what against our paragraph-level gold (`attribution`), and vote items
against our reading of each vote record (`votes`)."""
