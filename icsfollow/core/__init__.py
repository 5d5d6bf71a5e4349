"""The pure core: rule data, plain values and the scheduler. No I/O, no clock."""
