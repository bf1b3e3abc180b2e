from .wheel import WheelPicker as WheelPicker
