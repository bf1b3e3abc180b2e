from .room import RoomUpdateRequest as RoomUpdateRequest
