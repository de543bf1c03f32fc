// uPlot's stylesheet, imported for its side effect (Vite injects it with the chart's chunk).
declare module 'uplot/dist/uPlot.min.css';
