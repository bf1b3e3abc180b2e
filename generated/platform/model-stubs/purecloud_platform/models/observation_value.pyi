from .observation import ObservationValue as ObservationValue
