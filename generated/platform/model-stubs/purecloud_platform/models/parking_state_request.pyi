from .parking import ParkingStateRequest as ParkingStateRequest
