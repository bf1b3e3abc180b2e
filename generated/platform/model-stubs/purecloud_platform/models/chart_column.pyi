from .chart import ChartColumn as ChartColumn
