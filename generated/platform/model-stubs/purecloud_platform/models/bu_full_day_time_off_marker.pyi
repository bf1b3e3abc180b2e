from .bu import BuFullDayTimeOffMarker as BuFullDayTimeOffMarker
