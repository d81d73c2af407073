"""Measuring the project against gold sets: `communique eval actors|events|quotes --gold FILE`."""
