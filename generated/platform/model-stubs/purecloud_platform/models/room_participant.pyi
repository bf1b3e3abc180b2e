from .room import RoomParticipant as RoomParticipant
