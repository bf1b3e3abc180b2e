from .full import FullDayTimeOffMarker as FullDayTimeOffMarker
