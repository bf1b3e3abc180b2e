from .temporal import TemporalUnit as TemporalUnit
