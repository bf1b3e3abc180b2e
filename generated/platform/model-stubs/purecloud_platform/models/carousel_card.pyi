from .carousel import CarouselCard as CarouselCard
